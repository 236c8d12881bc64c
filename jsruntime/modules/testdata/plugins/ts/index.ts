import { helper } from './helper';
import cts from './cjs.cts';
import { mts } from './esm.mts';
interface Info { id: string }
export const info: Info = { id: 'ts' };
enum Color { Red = 7 }
class P { constructor(private readonly n: number) {} get(): number { return this.n; } }
export const out = [helper(new P(Color.Red).get()), cts.kind, mts].join(',');
