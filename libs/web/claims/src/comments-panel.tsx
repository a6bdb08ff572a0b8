import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Combobox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
  useCombobox,
} from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import type { ClaimQuery, CommentFieldsFragment } from '@corroborate/graphql';
import { mentionTokens, resolveMentions } from '@corroborate/domain';
import {
  DateTimeText,
  ErrorAlert,
  KeptDraftNotice,
  browserDrafts,
  getFormErrors,
  useCurrentUser,
  useKeepDraft,
  useKeptDraft,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { useWorksOnClaim } from './works-on';
import { addCommentMutation, editCommentMutation, mentionableUsersQuery } from './comments.graphql';

type Claim = ClaimQuery['claim'];
type Comment = CommentFieldsFragment;

const MAX_COMMENT = 10_000;
/** Suggestions shown while typing an @mention. */
const MAX_SUGGESTIONS = 6;
/** The @mention being typed just before the caret, if any (e.g. "ri" in "thanks @ri"). */
const TYPING_MENTION = /(?:^|[\s(])@([\w.+-]*)$/;

/** Replies deeper than this are drawn at this depth, so long threads stay readable. */
const MAX_INDENT = 3;

/** Comment text as plain text (never HTML), with @mentions set in bold. */
function CommentBody({ body }: { body: string }) {
  const parts: { text: string; mention: boolean }[] = [];
  let rest = body;
  for (const token of mentionTokens(body)) {
    const at = rest.indexOf(`@${token}`);
    if (at < 0) continue;
    parts.push({ text: rest.slice(0, at), mention: false });
    parts.push({ text: `@${token}`, mention: true });
    rest = rest.slice(at + token.length + 1);
  }
  parts.push({ text: rest, mention: false });
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) =>
        part.mention ? (
          <Text key={index} span fw={700} c="indigo.9" size="sm">
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}

interface ComposerProps {
  claimId: string;
  parentId?: string;
  comment?: Comment;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  /** Text to start from instead of the comment's (an edit that came too late, posted as a reply). */
  initialBody?: string;
  onDone?: () => void;
  onCancel?: () => void;
}

/** The browser-kept draft of a new comment, a reply to `parentId`, or an edit of `commentId`. */
const keptCommentForm = (claimId: string, parentId?: string, commentId?: string) =>
  commentId ? `comment-edit:${commentId}` : parentId ? `reply:${parentId}` : `comment:${claimId}`;

/** Write, reply to or edit a comment; shows who an @mention will notify before posting. */
function CommentComposer({
  claimId,
  parentId,
  comment,
  label,
  submitLabel,
  autoFocus,
  initialBody,
  onDone,
  onCancel,
}: ComposerProps) {
  // What is typed (a new comment, a reply or an edit) is kept in this browser until it is posted,
  // cancelled or discarded: a reload, a crash or Escape brings it back.
  const keptForm = keptCommentForm(claimId, parentId, comment?.id);
  const kept = useKeptDraft<string>(keptForm);
  const [restored, setRestored] = useState(initialBody === undefined ? kept : null);
  const [body, setBody] = useState(initialBody ?? kept?.values ?? comment?.body ?? '');
  const dirty = body.trim() !== (comment?.body ?? '').trim();
  useUnsavedChanges(
    comment
      ? 'your edit of a comment'
      : parentId
        ? 'the reply you are writing'
        : 'the comment you are writing',
    dirty,
  );
  const keeping = useKeepDraft(keptForm, body, dirty);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const users = useQuery(mentionableUsersQuery);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [add, adding] = useMutation(addCommentMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const [edit, editing] = useMutation(editCommentMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  const people = useMemo(() => users.data?.mentionableUsers ?? [], [users.data]);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [typing, setTyping] = useState<string | null>(null);
  const suggestions =
    typing === null
      ? []
      : people
          .filter(
            (u) =>
              u.displayName.toLowerCase().includes(typing.toLowerCase()) ||
              u.email.toLowerCase().startsWith(typing.toLowerCase()),
          )
          .slice(0, MAX_SUGGESTIONS);

  /** Opens the suggestions while an @mention is being typed at the caret. */
  const onTextChange = (value: string, caret: number) => {
    setBody(value);
    const match = TYPING_MENTION.exec(value.slice(0, caret));
    const token = match ? (match[1] ?? '') : null;
    setTyping(token);
    if (token !== null) {
      combobox.openDropdown();
      requestAnimationFrame(() => combobox.selectFirstOption());
    } else combobox.closeDropdown();
  };

  /** Replaces the @token being typed with the chosen person's full address. */
  const completeMention = (email: string) => {
    const element = textRef.current;
    const caret = element?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@[\w.+-]*$/, '');
    const next = `${before}@${email} ${body.slice(caret)}`;
    setBody(next);
    setTyping(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      element?.focus();
      const cursor = before.length + email.length + 2;
      element?.setSelectionRange(cursor, cursor);
    });
  };
  const resolution = useMemo(() => resolveMentions(body, people), [body, people]);
  const notified = people.filter((u) => resolution.userIds.includes(u.id));

  const insertMention = (email: string | null) => {
    if (!email) return;
    const element = textRef.current;
    const at = element?.selectionStart ?? body.length;
    const before = body.slice(0, at);
    const spacer = before === '' || /\s$/.test(before) ? '' : ' ';
    const next = `${before}${spacer}@${email} ${body.slice(at)}`;
    setBody(next);
    requestAnimationFrame(() => {
      element?.focus();
      const cursor = before.length + spacer.length + email.length + 2;
      element?.setSelectionRange(cursor, cursor);
    });
  };

  const submit = async () => {
    setFormError(null);
    const text = body.trim();
    if (text === '') {
      setError('Write something first.');
      return;
    }
    if (text.length > MAX_COMMENT) {
      setError(
        `A comment can have at most ${MAX_COMMENT} characters (this one has ${text.length}).`,
      );
      return;
    }
    setError(null);
    try {
      if (comment) await edit({ variables: { input: { id: comment.id, body: text } } });
      else await add({ variables: { input: { claimId, parentId: parentId ?? null, body: text } } });
      keeping.clear();
      setRestored(null);
      setBody('');
      onDone?.();
    } catch (caught) {
      const result = getFormErrors(caught, ['body', 'parentId'] as const);
      setError(result.fieldErrors.body ?? null);
      setFormError(result.formError ?? result.fieldErrors.parentId ?? null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && combobox.dropdownOpened) {
      event.preventDefault();
      combobox.closeDropdown();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
    if (event.key === 'Escape' && onCancel) {
      // Closed with a key, perhaps by mistake: the text stays kept for when it is opened again.
      keeping.keepNow();
      onCancel();
    }
  };
  const cancel = () => {
    keeping.clear();
    onCancel?.();
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="xs">
        {formError !== null && (
          <ErrorAlert message={formError} title="Could not save the comment" />
        )}
        {restored !== null && (
          <KeptDraftNotice
            kept={restored}
            onDiscard={() => {
              keeping.clear();
              setRestored(null);
              setBody(comment?.body ?? '');
            }}
          />
        )}
        <Combobox
          store={combobox}
          onOptionSubmit={completeMention}
          position="bottom-start"
          withinPortal={false}
        >
          <Combobox.Target withAriaAttributes={false}>
            <Textarea
              ref={textRef}
              label={label}
              description="Ctrl+Enter to post. Type @ and a name to mention someone; arrows and Enter pick from the list."
              autosize
              minRows={2}
              maxRows={12}
              value={body}
              onChange={(event) =>
                onTextChange(event.currentTarget.value, event.currentTarget.selectionStart)
              }
              onKeyDown={onKeyDown}
              onBlur={() => combobox.closeDropdown()}
              error={error}
              autoFocus={autoFocus}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={suggestions.length === 0}>
            <Combobox.Options aria-label="People to mention">
              {suggestions.map((u) => (
                <Combobox.Option value={u.email} key={u.id}>
                  <Text size="sm">{u.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        {typing !== null && suggestions.length > 0 && (
          <Text className="visually-hidden" aria-live="polite">
            {suggestions.length} {suggestions.length === 1 ? 'person matches' : 'people match'}; use
            the arrow keys and Enter to mention.
          </Text>
        )}
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Select
            label="Mention someone"
            placeholder="Search people"
            size="xs"
            w={220}
            searchable
            clearable
            value={null}
            onChange={insertMention}
            data={people.map((u) => ({ value: u.email, label: u.displayName }))}
            nothingFoundMessage="Nobody matches"
          />
          <Group gap="xs">
            {onCancel && (
              <Button variant="default" onClick={cancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={adding.loading || editing.loading}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
        {(notified.length > 0 || resolution.ambiguous.length > 0) && (
          <Text size="xs" c="dimmed" aria-live="polite">
            {notified.length > 0 && `Notifies ${notified.map((u) => u.displayName).join(', ')}.`}
            {resolution.ambiguous.length > 0 &&
              ` @${resolution.ambiguous.join(', @')} fits several people; use the full address.`}
          </Text>
        )}
      </Stack>
    </form>
  );
}

function CommentItem({
  comment,
  replies,
  depth,
  claimId,
  canWrite,
}: {
  comment: Comment;
  replies: Map<string, Comment[]>;
  depth: number;
  claimId: string;
  canWrite: boolean;
}) {
  const { id: userId } = useCurrentUser();
  const replyForm = keptCommentForm(claimId, comment.id);
  const editForm = keptCommentForm(claimId, undefined, comment.id);
  // A reply or an edit this browser kept (the tab was reloaded, or closed with Escape) opens again.
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>(() =>
    canWrite && browserDrafts.read(userId, replyForm)
      ? 'reply'
      : canWrite && comment.canEdit && browserDrafts.read(userId, editForm)
        ? 'edit'
        : 'view',
  );
  // An edit kept after the comment stopped being editable cannot be saved; it is shown, with a way
  // to post it as a reply, rather than dropped.
  const [lateEdit, setLateEdit] = useState(() => {
    if (comment.canEdit || comment.author.id !== userId) return null;
    const edit = browserDrafts.read<string>(userId, editForm);
    return edit !== null && edit.values.trim() !== comment.body.trim() ? edit : null;
  });
  const [replyText, setReplyText] = useState<string | undefined>(undefined);
  const children = replies.get(comment.id) ?? [];
  return (
    <Stack
      gap="xs"
      pl={depth > 0 ? 'md' : 0}
      style={depth > 0 ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}
    >
      <Stack gap={4} component="article" aria-label={`Comment by ${comment.author.displayName}`}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {comment.author.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            <DateTimeText value={comment.createdAt} />
            {comment.editedAt !== null && ' (edited)'}
          </Text>
        </Group>
        {mode === 'edit' ? (
          <CommentComposer
            claimId={claimId}
            comment={comment}
            label="Edit comment"
            submitLabel="Save"
            autoFocus
            onDone={() => setMode('view')}
            onCancel={() => setMode('view')}
          />
        ) : (
          <CommentBody body={comment.body} />
        )}
        {lateEdit !== null && (
          <Alert
            color="blue"
            variant="light"
            title="Your edit of this comment was not saved"
            role="status"
          >
            <Stack gap="xs">
              <Text size="sm">
                The comment can no longer be edited (its 15 minutes are over). What you typed on{' '}
                <DateTimeText value={lateEdit.at.toISOString()} />:
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {lateEdit.values}
              </Text>
              <Group gap="xs">
                {canWrite && (
                  <Button
                    size="xs"
                    onClick={() => {
                      setReplyText(lateEdit.values);
                      setMode('reply');
                      browserDrafts.remove(userId, editForm);
                      setLateEdit(null);
                    }}
                  >
                    Post it as a reply
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    browserDrafts.remove(userId, editForm);
                    setLateEdit(null);
                  }}
                >
                  Discard it
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {mode === 'view' && canWrite && (
          <Group gap="sm">
            <Anchor component="button" type="button" size="xs" onClick={() => setMode('reply')}>
              Reply
            </Anchor>
            {comment.canEdit && (
              <Anchor component="button" type="button" size="xs" onClick={() => setMode('edit')}>
                Edit (until <DateTimeText value={comment.editableUntil} />)
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
      {mode === 'reply' && (
        <CommentComposer
          claimId={claimId}
          parentId={comment.id}
          label={`Reply to ${comment.author.displayName}`}
          submitLabel="Reply"
          autoFocus
          initialBody={replyText}
          onDone={() => {
            setReplyText(undefined);
            setMode('view');
          }}
          onCancel={() => {
            setReplyText(undefined);
            setMode('view');
          }}
        />
      )}
      {children.map((child) => (
        <CommentItem
          key={child.id}
          comment={child}
          replies={replies}
          depth={Math.min(depth + 1, MAX_INDENT)}
          claimId={claimId}
          canWrite={canWrite}
        />
      ))}
    </Stack>
  );
}

/** Threaded discussion of a claim, with @mentions; reminds reviewers not to reveal verdicts. */
export function CommentsPanel({ claim }: { claim: Claim }) {
  const canWrite = useWorksOnClaim(claim);
  const { roots, replies } = useMemo(() => {
    const ids = new Set(claim.comments.map((c) => c.id));
    const map = new Map<string, Comment[]>();
    const top: Comment[] = [];
    for (const comment of claim.comments) {
      if (comment.parentId !== null && ids.has(comment.parentId)) {
        map.set(comment.parentId, [...(map.get(comment.parentId) ?? []), comment]);
      } else top.push(comment);
    }
    return { roots: top, replies: map };
  }, [claim.comments]);
  const blind = claim.status === 'IN_REVIEW';

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="comments-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="comments-heading">
          Discussion ({claim.comments.length})
        </Title>
        {roots.length === 0 ? (
          <Text size="sm" c="dimmed">
            No comments yet.{canWrite ? ' Ask a question or share a lead below.' : ''}
          </Text>
        ) : (
          <Stack gap="md">
            {roots.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                replies={replies}
                depth={0}
                claimId={claim.id}
                canWrite={canWrite}
              />
            ))}
          </Stack>
        )}
        {canWrite ? (
          <Stack gap="xs">
            {blind && (
              <Alert
                color="indigo"
                variant="light"
                icon={<IconEyeOff size={18} aria-hidden="true" />}
                title="Blind review in progress"
              >
                Do not reveal a verdict or how you rated this claim in a comment until every
                reviewer has submitted; discuss sources and evidence instead.
              </Alert>
            )}
            <CommentComposer claimId={claim.id} label="Add a comment" submitLabel="Post comment" />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Only editors, admins and the claim&apos;s reviewers can comment.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
