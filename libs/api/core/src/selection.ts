import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields a request selects below a field, by field name (aliases merged, fragments and
 * inline fragments expanded), each with the fields it selects in turn. `@skip`/`@include` are
 * not evaluated: a field they might leave out counts as selected, which is what a look-ahead
 * that loads data in advance needs (loading a little more never changes the answer).
 */
export type Selection = ReadonlyMap<string, Selection>;

type Collected = Map<string, Collected>;

const EMPTY: Selection = new Map();

function collect(
  set: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  into: Collected,
  seen: Set<string>,
): void {
  if (!set) return;
  for (const node of set.selections) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      let child = into.get(name);
      if (!child) into.set(name, (child = new Map()));
      collect(node.selectionSet, fragments, child, seen);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, fragments, into, seen);
    } else {
      const name = node.name.value;
      const fragment = fragments[name];
      // A fragment spread twice on one level adds nothing the first did not (validation forbids cycles).
      if (!fragment || seen.has(name)) continue;
      collect(fragment.selectionSet, fragments, into, new Set([...seen, name]));
    }
  }
}

/** What the current field (`info`) selects below itself. */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
  const root: Collected = new Map();
  for (const field of info.fieldNodes as readonly FieldNode[])
    collect(field.selectionSet, info.fragments, root, new Set());
  return root;
}

/** The selection at a path below `selection` (empty when any step is not selected). */
export function selectionAt(selection: Selection, ...path: string[]): Selection {
  let current = selection;
  for (const step of path) current = current.get(step) ?? EMPTY;
  return current;
}

/** Whether `selection` asks for nothing but `fields` (at its own level). */
export function selectionWithin(selection: Selection, fields: ReadonlySet<string>): boolean {
  for (const name of selection.keys()) if (!fields.has(name)) return false;
  return true;
}

const within = new WeakMap<readonly FieldNode[], WeakMap<ReadonlySet<string>, boolean>>();

/**
 * Whether the current field (`info`) selects nothing but `fields` below itself. Remembered per
 * field position (graphql-js passes the same field nodes for every item of a list).
 */
export function selectsOnly(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  fields: ReadonlySet<string>,
): boolean {
  let byFields = within.get(info.fieldNodes);
  if (!byFields) within.set(info.fieldNodes, (byFields = new WeakMap()));
  let answer = byFields.get(fields);
  if (answer === undefined)
    byFields.set(fields, (answer = selectionWithin(selectionOf(info), fields)));
  return answer;
}
