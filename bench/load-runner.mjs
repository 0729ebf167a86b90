// HTTP load for the benchmarks, in its own process so it does not share the server's event loop:
// node bench/load-runner.mjs '{"url":"http://127.0.0.1:3000","paths":["/a","/b"],"seconds":8}'
import autocannon from 'autocannon';

const { url, paths, seconds } = JSON.parse(process.argv[2]);
let i = 0;
const result = await autocannon({
  url,
  connections: 32,
  duration: seconds,
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }),
);
