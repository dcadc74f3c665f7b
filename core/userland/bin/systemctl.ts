// systemctl for the guests' SysV init scripts (the guests run no systemd): start, stop, restart,
// reload, try-restart run /etc/init.d/UNIT quietly, as systemd's sysv generator does (the script's
// messages go to the journal, not the terminal); status and is-active ask the script. A unit with no
// script gets systemd's "Unit NAME.service not found." (exit 5).
import { X_OK, utf8Encode, type Program } from '../../kernel/abi.ts';
import { runInitScript } from '../lib/init-script.ts';
import { writeAll } from '../lib/io.ts';

const NO_SYSTEMD = 'Netloom guests run no systemd: systemctl handles start, stop, restart, reload, status, is-active, enable and disable of /etc/init.d services.';

const HELP = `systemctl [OPTIONS...] COMMAND UNIT...

${NO_SYSTEMD}

  start UNIT...          Start the units (run /etc/init.d/UNIT start)
  stop UNIT...           Stop the units
  restart UNIT...        Stop and start the units
  try-restart UNIT...    Restart the units
  reload UNIT...         Reload the units
  status UNIT...         Show the init script's status
  is-active UNIT...      Print active or inactive (exit 0 or 3)
  enable, disable UNIT...  Accepted; the guests have no boot-time units
  -h, --help             Show this help
`;

const ACTIONS = new Set(['start', 'stop', 'restart', 'reload', 'try-restart', 'reload-or-restart', 'force-reload', 'status',
  'is-active', 'enable', 'disable', 'is-enabled']);

export const main: Program = async (sys, argv, envp) => {
  const err = (t: string) => writeAll(sys, 2, utf8Encode(t));
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const [action, ...units] = args;
  if (argv.includes('--help') || argv.includes('-h')) {
    await writeAll(sys, 1, utf8Encode(HELP));
    return 0;
  }
  if (!action) {
    await err(`${NO_SYSTEMD}\n`);
    return 1;
  }
  if (!ACTIONS.has(action)) {
    await err(`Unknown command verb ${action}.\n`);
    return 1;
  }
  if (units.length === 0) {
    await err(`Too few arguments.\n`);
    return 1;
  }
  let status = 0;
  for (const unit of units) {
    const name = unit.replace(/\.service$/, '');
    const script = `/etc/init.d/${name}`;
    if (sys.access(script, X_OK) < 0) {
      if (action === 'is-active') {
        await writeAll(sys, 1, utf8Encode('inactive\n'));
        status = 3;
        continue;
      }
      await err(`${action === 'status' ? `Unit ${name}.service could not be found` : `Failed to ${action} ${name}.service: Unit ${name}.service not found`}.\n`);
      status = action === 'status' ? 4 : 5;
      continue;
    }
    if (action === 'enable' || action === 'disable' || action === 'is-enabled') {
      if (action === 'is-enabled') await writeAll(sys, 1, utf8Encode('enabled\n'));
      continue;
    }
    const verb = action === 'try-restart' || action === 'reload-or-restart' ? 'restart' : action === 'is-active' ? 'status' : action;
    const r = await runInitScript(sys, [script, verb], envp, verb === 'status' ? 'capture' : 'discard');
    if (action === 'is-active') {
      await writeAll(sys, 1, utf8Encode(r.status === 0 ? 'active\n' : 'inactive\n'));
      if (r.status !== 0) status = 3;
    } else if (action === 'status') {
      await writeAll(sys, 1, r.out);
      if (r.status !== 0) status = 3;
    } else if (r.status !== 0) {
      await err(`Job for ${name}.service failed because the control process exited with error code.\nSee "systemctl status ${name}.service" and "journalctl -xeu ${name}.service" for details.\n`);
      status = 1;
    }
  }
  return status;
};
