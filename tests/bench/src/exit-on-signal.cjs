// Preloaded into a server under BENCH_PROFILE=1: SIGUSR2 exits normally, so `--cpu-prof` writes
// its profile (a SIGTERM through Nest's shutdown hooks would not).
process.on('SIGUSR2', () => process.exit(0));
