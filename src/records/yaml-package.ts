import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');

let loaded: YamlPackage | undefined;

/**
 * The `yaml` package, loaded on first use. Records are read by js-yaml; this package's syntax
 * tree is asked for only where js-yaml says too little (an error's position, an alias, a line
 * the quick pass steps aside from), and loading it took about 30 ms of every command's start.
 * Required, not imported: under Node the package is CommonJS either way, so this is the instance
 * an `import` elsewhere gets.
 */
export function yamlPackage(): YamlPackage {
  return (loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage);
}
