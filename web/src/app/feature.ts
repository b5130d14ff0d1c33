import type { ComponentType, LazyExoticComponent, ReactElement } from 'react';
import type { MessageKey } from '../i18n/catalog.ts';

/**
 * What a feature folder (web/src/features/<name>/) gives the app: its pages, the menu entries that
 * lead to them, and cards for the home page. The app shell shows only what the signed-in user's
 * permissions allow (the API checks again: hiding is for clarity, not security).
 */
export interface Feature {
  routes: FeatureRoute[];
  nav: NavItem[];
  homeCards?: HomeCard[];
}

export interface FeatureRoute {
  /** Relative to the app root, react-router syntax: `facilities/:id`. */
  path: string;
  permission?: string;
  /** Pages load lazily, so a phone downloads only the screens it opens. */
  Page: LazyExoticComponent<ComponentType> | ComponentType;
}

export interface NavItem {
  to: string;
  label: MessageKey;
  permission?: string;
  /** Lower comes first in the menu. */
  order: number;
}

/** A card on the home page, for the roles it matters to (all roles with the permission if omitted). */
export interface HomeCard {
  id: string;
  permission?: string;
  roles?: string[];
  /** Lower comes first. */
  order: number;
  render: () => ReactElement;
}
