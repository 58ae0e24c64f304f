// `jauge` command-line tool for content authors (validate, later scorm/calibrate).
const [command] = process.argv.slice(2);
if (!command || command === '--help' || command === '-h') {
  process.stdout.write('Usage: jauge validate <files…>\n');
  process.exit(0);
}
process.stderr.write(`Unknown command "${command}". Run "jauge --help".\n`);
process.exit(2);
