import { todoComplete } from './complete';
import { todoCreate } from './create';
import { todoDelete } from './delete';
import { todoList } from './list';
import { todoReopen } from './reopen';
import { todoUpdate } from './update';

/** The todo module: a list of things to do in a space. */
export const todoTools = [todoCreate, todoList, todoUpdate, todoComplete, todoReopen, todoDelete];
export { todos } from './table';
