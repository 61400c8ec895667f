import { builder } from './builder.js';
import './errors.js';
import './server-domains.js';
import './jump-domains.js';
import './platform.js';
import './mini-programs.js';
import './mini-program-domains.js';

/** An Apollo Federation v2 subgraph (`_service`, `_entities`); print it with `printSubgraphSchema`. */
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
