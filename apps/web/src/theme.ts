import {
  createTheme,
  DEFAULT_THEME,
  FileInput,
  Menu,
  Modal,
  Notification,
  MultiSelect,
  Select,
  TagsInput,
  type CSSVariablesResolver,
} from '@mantine/core';

/**
 * Shade 8 for filled colours keeps white text above WCAG AA (4.5:1) for
 * indigo, blue and red buttons.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  components: {
    // The close "×" has no text of its own.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    // The focus placeholder (role="presentation") is not an allowed child of role="menu" (axe).
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false, returnFocus: true } }),
    // The clear "×" of clearable inputs has no text of its own either.
    Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': 'Clear value' } } }),
    MultiSelect: MultiSelect.extend({
      defaultProps: { clearButtonProps: { 'aria-label': 'Clear all values' } },
    }),
    TagsInput: TagsInput.extend({
      defaultProps: { clearButtonProps: { 'aria-label': 'Clear all values' } },
    }),
    // Toasts: a named close button, and body text in the full text colour (dimmed fails contrast).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
    FileInput: FileInput.extend({
      defaultProps: { clearButtonProps: { 'aria-label': 'Remove the chosen file' } },
    }),
  },
});

/**
 * Light variants (badges, alerts, active navigation): shade-9 text on a shade-0
 * background keeps every colour we use (not yellow, lime, orange, green) at 4.5:1 or more.
 */
const LIGHT_VARIANT_COLORS = Object.keys(DEFAULT_THEME.colors);

/**
 * Mantine's defaults for dimmed text (gray.6), errors (red.6) and light-variant
 * text (shade 6) fall below 4.5:1 on white; use darker shades.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.flatMap((color) => [
        [`--mantine-color-${color}-light-color`, `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
        [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`],
      ]),
    ),
  },
  dark: {},
});
