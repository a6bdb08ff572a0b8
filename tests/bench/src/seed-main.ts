import { benchOptions } from './options';
import { seedAll } from './seed';

const options = benchOptions();
seedAll(options.dialects, options.claims).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
