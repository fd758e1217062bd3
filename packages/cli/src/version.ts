// The CLI's version, read from its package.json so there is one place to change it.
// Printed by --version and recorded in manifest.json.
import packageJson from '../package.json' with { type: 'json' };

export const CLI_VERSION: string = packageJson.version;
