// A legacy CommonJS tool kept from before the ESM switch: it pings every process with a
// HEALTH_CHECK. (CommonJS `require` in a .js file: the TS codemods rewrite its specifiers too.)
'use strict';
const { buildTags } = require('../lib/tags.js');
const processIds = require('../lib/process-ids.js').default;

function healthChecks() {
  return Object.keys(processIds).map((name) => ({ Target: processIds[name], Tags: buildTags('HEALTH_CHECK') }));
}

module.exports = { healthChecks };
