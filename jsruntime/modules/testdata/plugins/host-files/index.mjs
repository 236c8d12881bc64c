// Loads a host file by relative path from an ES module and from CommonJS (cjs.cjs).
import { answer } from '../../src/util.js';
import cjs from './cjs.cjs';

export const esm = answer;
export const { required, sameInstance, viaURL, missing, inside } = cjs;
