import { AREA_CHILD_KINDS, type AreaKind } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, canOn, covers } from '../../core/actor.js';

/** A loaded area node: its id, kind and the ancestor ids it stores. */
export type AreaPolicyNode = ScopedRow & { id: string; kind: AreaKind };

/** Reading: some areas.read assignment covers the node. */
export function canReadArea(actor: Actor, node: AreaPolicyNode): boolean {
  return canOn(actor, 'areas.read', node);
}

/** Renaming (or re-gridding a building): any node inside an areas.write assignment, its own node included. */
export function canEditArea(actor: Actor, node: AreaPolicyNode): boolean {
  return canOn(actor, 'areas.write', node);
}

/** Adding a child of `kind` (any kind when omitted) under `parent`: the tree allows it and the parent is editable. */
export function canAddChild(actor: Actor, parent: AreaPolicyNode, kind?: AreaKind): boolean {
  const kinds = AREA_CHILD_KINDS[parent.kind];
  if (kind ? !kinds.includes(kind) : kinds.length === 0) return false;
  return canEditArea(actor, parent);
}

/** Deleting: only nodes strictly below the assignment's own node; a system admin deletes anything. */
export function canDeleteArea(actor: Actor, node: AreaPolicyNode): boolean {
  return assignmentsWith(actor, 'areas.write').some((a) => a.role === 'system_admin' || (covers(a, node) && a.areaId !== node.id));
}

/** Where the actor's browsing starts: every district for a system admin, else the nodes of their areas.read assignments. */
export function topOfAreaScope(actor: Actor): string[] | 'districts' {
  const readers = assignmentsWith(actor, 'areas.read');
  if (readers.some((a) => a.role === 'system_admin')) return 'districts';
  return [...new Set(readers.flatMap((a) => a.areaId ?? []))];
}

export function areaAbilities(actor: Actor, node: AreaPolicyNode) {
  return { canEdit: canEditArea(actor, node), canAddChild: canAddChild(actor, node), canDelete: canDeleteArea(actor, node) };
}
