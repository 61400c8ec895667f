import { builder } from './builder.js';
import './errors.js';
import './server-domains.js';

export const schema = builder.toSchema();
