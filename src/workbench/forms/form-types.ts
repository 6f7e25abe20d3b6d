/**
 * One input of a generated form. Inside a `rows` field, the fields of one row have `name` and
 * `path` relative to the row ("date", ["date"]); a list of plain values has one row field with
 * name "" and path [] (the row is the value itself). Rendered, a row field's html name is the
 * rows field's name, the row's index and its own name: "sessions.3.date", "plan.goals.0".
 */
export interface FormField {
  /** The html name: a dotted path, "intake.date", "sessions.3.summary". */
  name: string;
  path: (string | number)[];
  /** The Chinese label, from the schema's `.describe()`. */
  label: string;
  input: 'text' | 'textarea' | 'date' | 'number' | 'checkbox' | 'select' | 'rows';
  /** Required within its form (or its row): shown with a mark, never enforced by the browser (drafts are saved half done). */
  required: boolean;
  /** What the field holds once read back from a form post. */
  valueType: 'string' | 'number' | 'boolean';
  options?: { value: string; label: string }[];
  /** For `rows`: the fields of one row. */
  row?: FormField[];
  /** Shown but not editable (the record id, which the file's path fixes). */
  fixed?: boolean;
  /** For `number`: the step and bounds the schema allows. */
  step?: number;
  min?: number;
  max?: number;
  /**
   * The dotted path without row indexes ("worker", "disclosures.approvedBy"): the key under which
   * renderSections' `choices` option replaces a text input by a select (staff ids from the roster).
   */
  choiceKey: string;
}

export interface FormSection {
  /** The top-level key of the record ("consent"), or "basic" for the record's top-level plain fields. */
  key: string;
  label: string;
  fields: FormField[];
  /** The client's personal data (the encrypted block, decrypted by the server). */
  sealed?: boolean;
}
