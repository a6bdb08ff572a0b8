/**
 * Props for Mantine PasswordInput's show/hide button. Its default label
 * ("Toggle password visibility") also matches a search for the "Password"
 * field by label; this one says what it does without repeating the field name.
 * `aria-pressed` tells screen readers whether the characters are shown.
 */
export const PASSWORD_VISIBILITY_TOGGLE_PROPS = {
  'aria-label': 'Show typed characters',
} as const;
