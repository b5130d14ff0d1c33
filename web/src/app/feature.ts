import type { ComponentType, LazyExoticComponent, ReactElement } from 'react';
import type { CountryProfile } from '../api/profile.ts';
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
  /** Its words, or a choice of words by the profile in force (a card or an enrolment to check). */
  label: MessageKey | ((profile: CountryProfile | undefined) => MessageKey);
  permission?: string;
  /** Lower comes first in the menu. */
  order: number;
}

/** The catalog key of a menu entry's words under the profile in force. */
export function navLabel(item: Pick<NavItem, 'label'>, profile: CountryProfile | undefined): MessageKey {
  return typeof item.label === 'function' ? item.label(profile) : item.label;
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
