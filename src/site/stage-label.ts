import { isStage, stageDefinitions } from '../ledger/stages.ts';

/** A stage key by its Chinese name (接案审批 for intake); an unknown key as written. */
export const stageLabel = (stage: string): string => (isStage(stage) ? stageDefinitions[stage].label : stage);
