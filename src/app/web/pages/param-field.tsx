import type { Param } from '../../questions/question.ts';
import type { Messages } from '../i18n/en.ts';

/** The catalogue entry at a key such as "moratorium.years" (a text, or a record of texts by choice). */
function entry(t: Messages, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), t);
}

/** A parameter's label in the page's language. */
export function labelOf(t: Messages, param: Param<any>): string {
  const text = param.field ? entry(t, param.field.label) : undefined;
  return typeof text === 'string' ? text : param.name;
}

/**
 * One field of a GET form, made from a question's parameter: a drop-down when it has choices (labelled from
 * the catalogue, or given with their labels, such as the product lists), otherwise a text box of the
 * parameter's width and keyboard. The value is the parsed one written back, or the text as given.
 * @example <ParamField t={t} param={tariff} value="mfn" />
 */
export function ParamField<T>(props: { t: Messages; param: Param<T>; value: string; choices?: readonly (readonly [value: string, label: string])[] }) {
  const { t, param, value } = props;
  const label = labelOf(t, param);
  const labels = param.field?.choiceLabels ? (entry(t, param.field.choiceLabels) as Record<string, string> | undefined) : undefined;
  const choices = props.choices ?? param.choices?.map((c) => [c, labels?.[c] ?? c] as const);
  if (choices) {
    return (
      <p>
        <label>
          {label}{' '}
          <select name={param.name}>
            {choices.map(([v, l]) => (
              <option value={v} selected={v === value}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </p>
    );
  }
  const f = param.field;
  return (
    <p>
      <label>
        {label} <input name={param.name} size={f?.size} value={value} inputmode={f?.inputmode} pattern={f?.pattern} />
      </label>
    </p>
  );
}
