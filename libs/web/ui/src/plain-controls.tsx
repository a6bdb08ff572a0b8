import { Badge, Checkbox } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/*
 * Mantine's Badge and Checkbox looks (their own stylesheet classes and the variables their
 * components set) as plain elements, for controls that mount by the hundred: the rows of a long
 * queue, mounted as they scroll into view. Mantine's components resolve props, theme and styles
 * on every mount; these do none of it and render the same elements (screenshots of the queue
 * are byte-identical either way). Anything else uses Mantine's components.
 */

type PlainBadgeVariant = 'light' | 'filled';
type PlainBadgeSize = 'sm' | 'md';

const plainBadgeStyles = new Map<string, CSSProperties>();

/**
 * The CSS variables Mantine's Badge sets for a theme colour, variant and size (its default
 * variant colours resolver, which our theme keeps), made once per combination.
 */
function plainBadgeStyle(color: string, variant: PlainBadgeVariant, size: PlainBadgeSize) {
  const key = `${color} ${variant} ${size}`;
  let style = plainBadgeStyles.get(key);
  if (!style) {
    style = {
      '--badge-height': `var(--badge-height-${size})`,
      '--badge-padding-x': `var(--badge-padding-x-${size})`,
      '--badge-fz': `var(--badge-fz-${size})`,
      '--badge-bg': `var(--mantine-color-${color}-${variant})`,
      '--badge-color':
        variant === 'filled'
          ? 'var(--mantine-color-white)'
          : `var(--mantine-color-${color}-light-color)`,
      '--badge-bd': '1px solid transparent',
    } as CSSProperties;
    plainBadgeStyles.set(key, style);
  }
  return style;
}

/**
 * A badge that looks exactly like Mantine's `Badge` (its own stylesheet classes and the same
 * variables) as two plain elements: no props, theme or style resolution on mount. For badges
 * that mount by the hundred, such as the rows of a long queue as it scrolls; anything with a
 * section, tooltip or other variant uses Mantine's `Badge`.
 */
export function PlainBadge({
  color,
  variant = 'light',
  size = 'md',
  maxWidth,
  upper = true,
  children,
}: {
  color: string;
  variant?: PlainBadgeVariant;
  size?: PlainBadgeSize;
  maxWidth?: number;
  /** Uppercase like Mantine's default; false keeps the text's own case. */
  upper?: boolean;
  children: ReactNode;
}) {
  const base = plainBadgeStyle(color, variant, size);
  const style =
    maxWidth === undefined && upper
      ? base
      : { ...base, maxWidth, textTransform: upper ? undefined : 'none' };
  return (
    <div
      className={`${Badge.classes.root} mantine-Badge-root`}
      data-variant={variant}
      data-size={size}
      style={style}
    >
      <span className={`${Badge.classes.label} mantine-Badge-label`}>{children}</span>
    </div>
  );
}

const CHECKBOX_STYLE = {
  '--checkbox-size': 'calc(1rem * var(--mantine-scale))',
  '--checkbox-radius': 'var(--mantine-radius-sm)',
  '--checkbox-color': 'var(--mantine-primary-color-filled)',
  '--checkbox-icon-color': 'var(--mantine-color-white)',
} as CSSProperties;

/** Mantine's `Checkbox` at size xs, filled, in the primary colour, without a visible label. */
export function PlainCheckbox({
  checked,
  onChange,
  'aria-label': ariaLabel,
}: {
  checked: boolean;
  onChange: () => void;
  'aria-label': string;
}) {
  const classes = Checkbox.classes;
  return (
    <div
      className={`${classes.root} mantine-Checkbox-root`}
      data-variant="filled"
      data-size="xs"
      data-label-position="right"
      data-checked={checked || undefined}
      style={CHECKBOX_STYLE}
    >
      <div className={`${classes.body} mantine-Checkbox-body`}>
        <div className={`${classes.inner} mantine-Checkbox-inner`} data-label-position="right">
          <input
            className={`mantine-focus-auto ${classes.input} mantine-Checkbox-input`}
            type="checkbox"
            aria-label={ariaLabel}
            checked={checked}
            onChange={onChange}
          />
          <svg
            viewBox="0 0 10 7"
            fill="none"
            xmlns="http://www.w3.org/2000/svg"
            aria-hidden="true"
            className={`${classes.icon} mantine-Checkbox-icon`}
          >
            <path
              d="M4 4.586L1.707 2.293A1 1 0 1 0 .293 3.707l3 3a.997.997 0 0 0 1.414 0l5-5A1 1 0 1 0 8.293.293L4 4.586z"
              fill="currentColor"
              fillRule="evenodd"
              clipRule="evenodd"
            />
          </svg>
        </div>
        <div className={`${classes.labelWrapper} mantine-Checkbox-labelWrapper`} />
      </div>
    </div>
  );
}
