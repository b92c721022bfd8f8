/** Roles as the API names them (Assessment.SharedKernel.Events.Roles). */
export const Roles = {
  organization: 'organization',
  reviewer: 'reviewer',
  expert: 'expert',
  inspector: 'inspector',
  auditor: 'auditor',
  administrator: 'administrator',
  apiClient: 'api-client',
} as const;

export type Role = (typeof Roles)[keyof typeof Roles];

/** The roles that open the number ranges page. */
export const numberRangeRoles: string[] = [Roles.reviewer, Roles.inspector, Roles.auditor, Roles.administrator];

/** The roles that see batches (the menu entry and the pages). */
export const batchRoles: string[] = [Roles.organization, Roles.reviewer, Roles.inspector, Roles.auditor, Roles.administrator];

/* The navigation each role sees is in layout/menu.ts. */

/** The page a user lands on after signing in. */
export function homeFor(role: string | undefined): string {
  switch (role) {
    case Roles.organization:
      return '/organization';
    case Roles.administrator:
      return '/admin/accounts';
    case Roles.expert:
      return '/assignments';
    case undefined:
      return '/';
    default:
      return '/workbench';
  }
}
