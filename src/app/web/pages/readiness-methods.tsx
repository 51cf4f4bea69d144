import type { IndexMethod } from '../../../domain/readiness/method.ts';
import { formatDate } from '../format.ts';
import { EXAMPLE_METHOD } from '../../questions/readiness-example.ts';
import { href, type PageContext } from './context.ts';

/** Who wrote a user-defined method's version, in the page's language. */
export function authorName(ctx: PageContext, m: IndexMethod): string {
  const a = m.authorship;
  if (!a) return '';
  return a.authorId === null ? ctx.t.readinessMethods.commandLine : a.author;
}

/** The user-defined methods of the index page: name, latest version, author and date. */
export function UserMethodList(props: { ctx: PageContext; methods: readonly IndexMethod[] }) {
  const { ctx } = props;
  const u = ctx.t.readinessMethods;
  const user = props.methods.filter((m) => m.authorship);
  return (
    <>
      <h2>{u.user}</h2>
      {user.length === 0 ? (
        <p>{u.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{u.name}</th>
              <th scope="col" class="num">{u.version}</th>
              <th scope="col">{u.author}</th>
              <th scope="col">{u.date}</th>
            </tr>
          </thead>
          <tbody>
            {user.map((m) => (
              <tr>
                <th scope="row">
                  <a href={href(ctx, `/readiness/${m.id}`)}>{m.name}</a>
                </th>
                <td class="num">{m.authorship!.version}</td>
                <td>{authorName(ctx, m)}</td>
                <td>{formatDate(m.authorship!.createdAt, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={href(ctx, '/readiness/unctad-b2c#define')}>{u.defineTitle}</a> · <a href="/api/v1/readiness/methods">JSON</a>
      </p>
    </>
  );
}

/** A user-defined method's version, author, date and note, with links to its other versions. */
export function MethodByline(props: { ctx: PageContext; method: IndexMethod; year: number }) {
  const { ctx, method } = props;
  const a = method.authorship;
  if (!a) return null;
  const u = ctx.t.readinessMethods;
  return (
    <>
      <p>{u.byline(a.version, authorName(ctx, method), formatDate(a.createdAt, ctx.lang))}</p>
      {a.note ? <p>{u.note(a.note)}</p> : null}
      {a.versions.length > 1 ? (
        <p>
          {u.versions}{' '}
          {a.versions.map((v, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              {v === a.version ? <strong>{v}</strong> : <a href={href(ctx, `/readiness/${method.id}?version=${v}&year=${props.year}`)}>{v}</a>}
            </>
          ))}
        </p>
      ) : null}
    </>
  );
}

/** How to define a method, with an example document. */
export function DefineMethod(props: { ctx: PageContext }) {
  const u = props.ctx.t.readinessMethods;
  return (
    <section id="define">
      <h2>{u.defineTitle}</h2>
      {u.define.map((p) => (
        <p>{p}</p>
      ))}
      <p>{u.example}</p>
      <pre>
        <code>{JSON.stringify(EXAMPLE_METHOD, null, 2)}</code>
      </pre>
    </section>
  );
}
