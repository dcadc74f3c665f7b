// The shell lines a device runs at boot and at halt, after Kathará's STARTUP_COMMANDS and SHUTDOWN_COMMANDS
// (manager/docker/DockerMachine.py): shared.startup then DEV.startup, each run as a script from /hostlab
// with its output in /var/log/shared.log and /var/log/startup.log, then lab.conf `exec` lines, then
// /tmp/EOS. The steps Kathará does with tar, chmod, sed and umount are done by the runtime before this.

/** Quotes a word for bash (single quotes). */
function quote(word: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function bootCommand(device: string, exec: readonly string[]): string {
  const shared = '/hostlab/shared.startup';
  const own = quote(`/hostlab/${device}.startup`);
  return [
    `if [ -f "${shared}" ]; then ${shared} &> /var/log/shared.log; fi`,
    `if [ -f ${own} ]; then ${own} &> /var/log/startup.log; fi`,
    ...exec,
    'touch /tmp/EOS',
  ].join('; ');
}

export function shutdownCommand(device: string): string {
  const own = quote(`/hostlab/${device}.shutdown`);
  return [
    `if [ -f ${own} ]; then ${own}; fi`,
    'if [ -f "/hostlab/shared.shutdown" ]; then /hostlab/shared.shutdown; fi',
  ].join('; ');
}
