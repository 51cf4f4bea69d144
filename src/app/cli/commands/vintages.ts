import { FORMAT_OPTION, outputFormat, parse, type Command } from '../command.ts';
import { globalSettings, withStore } from '../settings.ts';
import { print } from '../table.ts';

/**
 * `observatory vintages`: every import with its source, file, hash and licence.
 * @example await vintages.run(['--format', 'csv'], io)
 */
export const vintages: Command = {
  name: 'vintages',
  usage: [{ form: 'vintages', summary: 'every import with its source, file, hash and licence' }],
  async run(args, io) {
    const { values } = parse(args, FORMAT_OPTION);
    const format = outputFormat(values.format);
    return withStore(globalSettings(values), async (store) => {
      const rows = (await store.vintages()).map((v) => [v.id, v.dataset, v.source, v.publishedAt, v.importedAt.slice(0, 19), v.rowCount, v.licence, v.sha256.slice(0, 12)]);
      print(io.out, format, ['id', 'dataset', 'source', 'published', 'imported', 'rows', 'licence', 'sha256'], rows);
      return 0;
    });
  },
};
