export type { FormField, FormSection } from './form-types.ts';
export type { RecordKind } from '../../schemas/index.ts';
export { basicSectionKey, describeClientForm, describeRecordForm } from './describe-form.ts';
export { renderSections, type RenderOptions } from './render-form.ts';
export { renderFindings } from './render-findings.ts';
export { placeFindings } from './place-findings.ts';
export { readFormValues, type FormBody } from './read-values.ts';
export { applyFormValues } from './apply-values.ts';
