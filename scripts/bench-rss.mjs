// Loaded with --import into each `swa` process the benchmark times: as the process exits, its peak
// RSS goes into the file SWA_BENCH_RSS names (a parent cannot ask Node for a child's).
import { writeFileSync } from 'node:fs';

const file = process.env.SWA_BENCH_RSS;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })));
