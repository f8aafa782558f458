// The shapes the YAML edit files share; kept apart so the files that use them import in one direction.
import type { Document } from 'yaml';
import type { ParsedYaml } from '../folder/yamlText';

export type YamlPath = readonly (string | number)[];

/** How the file indents: map values by `indent` columns; list items under their key or not. */
export interface Style {
  indent: number;
  indentSeq: boolean;
}

/** The file being edited: its text without BOM, with LF line endings when the file used CRLF throughout. */
export interface Source {
  body: string;
  bom: boolean;
  crlf: boolean;
  parsed: ParsedYaml;
  doc: Document.Parsed;
  style: Style;
}
