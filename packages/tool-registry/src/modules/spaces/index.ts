import { spacesCurrent } from './current';
import { spacesList } from './list';
import { spacesMembers } from './members';
import { spacesRename } from './rename';

/** The spaces module: the caller's spaces and who shares the current one. */
export const spacesTools = [spacesList, spacesCurrent, spacesMembers, spacesRename];
