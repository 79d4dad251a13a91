/** The `chitieu` command line: templates out, verdicts in. */
import { open, writeFile } from 'node:fs/promises';
import { TEMPLATES, versionsOf } from '../shared/templates';
import { langOf, type Lang } from '../shared/i18n';
import { templateCommand } from './template-command';
import { validateCommand } from './validate-command';
import { consolidatedCommand, reportCommand } from './consolidated-command';
import { CliError, TEXT } from './text';
import { FileTooLargeError, type CliIo } from './io';

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path, maxBytes) => {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size > maxBytes) throw new FileTooLargeError(size, maxBytes);
      return new Uint8Array(await file.readFile());
    } finally {
      await file.close();
    }
  },
  writeFile: (path, bytes) => writeFile(path, bytes),
};

function languageOf(args: string[]): Lang {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const value = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  return langOf(value);
}

export async function main(args: string[], io: CliIo = nodeIo): Promise<number> {
  const lang = languageOf(args);
  const t = TEXT[lang];
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'template':
        return await templateCommand(rest, lang, t, io);
      case 'validate':
        return await validateCommand(rest, lang, t, io);
      case 'consolidated':
        return await consolidatedCommand(rest, lang, t, io);
      case 'report':
        return await reportCommand(rest, lang, t, io);
      case 'templates':
        io.stdout(t.listHeader + '\n');
        for (const tpl of TEMPLATES) {
          const periods = tpl.periodKinds.map((k) => t.periodKinds[k]).join(', ');
          const kinds = tpl.filedBy.map((rule, i) => `${i > 0 ? t.from(rule.from) : ''}${rule.kinds.map((k) => t.kinds[k]).join(', ')}`).join('; ');
          io.stdout(`${tpl.id}  ${tpl.version}  ${tpl.title[lang]}\n      ${periods} · ${kinds}\n`);
          const versions = versionsOf(tpl.id);
          if (versions.length > 1) io.stdout(`      ${t.versions(versions.map((v, i) => (i === 0 ? v.version : t.versionFrom(v.version, v.from))).join('; '))}\n`);
        }
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(t.usage);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(t.unknownCommand(command) + '\n\n' + t.usage);
        return 2;
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(e.message + '\n');
      return e.exitCode;
    }
    // Unknown flags and other argument mistakes come from parseArgs.
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(e.message + '\n\n' + t.usage);
      return 2;
    }
    io.stderr(t.unexpected((e as Error).message) + '\n');
    return 2;
  }
}
