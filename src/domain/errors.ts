/** Where a bad value was found: the file (or URL), the line (1-based) and the field (column name). */
export interface InputLocation {
  file: string;
  line?: number;
  field?: string;
}

/**
 * Bad input from outside (a file, an HTTP parameter, a CLI argument): the message names where it is.
 * @example throw new InputError('not a number: "abc"', { file: 'pop.csv', line: 12, field: 'Value' })
 */
export class InputError extends Error {
  readonly location: InputLocation;
  readonly reason: string;

  constructor(reason: string, location: InputLocation) {
    super(`${formatLocation(location)}: ${reason}`);
    this.name = 'InputError';
    this.reason = reason;
    this.location = location;
  }
}

/**
 * A refused parameter of a question (an API query, a page form field, a CLI flag): the same message on all three.
 * @example throw new ParameterError('years', 'expected a year or a range like 2020-2022, got "20x"')
 */
export class ParameterError extends InputError {
  readonly parameter: string;

  constructor(parameter: string, reason: string) {
    super(reason, { file: 'parameter', field: parameter });
    this.name = 'ParameterError';
    this.parameter = parameter;
    this.message = `parameter "${parameter}": ${reason}`;
  }
}

export function formatLocation({ file, line, field }: InputLocation): string {
  let where = file;
  if (line !== undefined) where += `, line ${line}`;
  if (field !== undefined) where += `, field "${field}"`;
  return where;
}

/** A write that the current state refuses: a record that exists already, or one a source owns. */
export class ConflictError extends Error {
  /** The parameter or field whose value is refused, when there is one (the id of a group a source owns). */
  readonly parameter: string | undefined;

  constructor(message: string, parameter?: string) {
    super(message);
    this.name = 'ConflictError';
    this.parameter = parameter;
  }
}

/**
 * A request for something that does not exist (a country code, a group, an indicator); `parameter` names
 * the parameter that asked for it, when one did.
 * @example throw new NotFoundError('no group "NOPE"', { parameter: 'group' })
 */
export class NotFoundError extends Error {
  readonly parameter: string | undefined;

  constructor(message: string, options: { parameter?: string } = {}) {
    super(message);
    this.name = 'NotFoundError';
    this.parameter = options.parameter;
  }
}

/** A request the signed-in account (or an anonymous reader) is not allowed to make. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A write without the credentials it needs, or with wrong ones (the API token of the server). */
export class UnauthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** A request body refused before it is read: larger than the limit, or not in the format the write reads. */
export class BodyError extends Error {
  readonly reason: 'too-large' | 'unsupported-type';

  constructor(reason: BodyError['reason'], message: string) {
    super(message);
    this.name = 'BodyError';
    this.reason = reason;
  }
}
