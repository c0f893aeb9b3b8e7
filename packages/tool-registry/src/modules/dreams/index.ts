import { dreamsDelete } from './delete';
import { dreamsGet } from './get';
import { dreamsList } from './list';
import { dreamsRecord } from './record';
import { dreamsUpdate } from './update';

/** The dreams module: a dream diary with lucidity, vividness, feelings and tags. */
export const dreamsTools = [dreamsRecord, dreamsList, dreamsGet, dreamsUpdate, dreamsDelete];
export { dreams } from './table';
