/**
 * Why an edit was refused: the file does not parse, names something that is not there, or the
 * edit could not be made without touching other parts of the file. Nothing is written when
 * this is thrown; `line` and `col` (1-based) point at the problem when there is one.
 */
export class EditError extends Error {
  constructor(
    message: string,
    readonly line = 1,
    readonly col = 1,
  ) {
    super(message);
    this.name = 'EditError';
  }
}
