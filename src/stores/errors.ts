// The stores' errors are the core's to define (it turns them into what its callers get).
export { SharedStoreUnavailableError } from '../domains/errors.js';
