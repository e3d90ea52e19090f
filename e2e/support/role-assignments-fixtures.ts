import { test as base } from '../fixtures';
import { AssignRoleDialogPage } from '../pages/assign-role-dialog';
import { RoleAssignmentDetailPage } from '../pages/role-assignment-detail-page';
import { RoleAssignmentsPage } from '../pages/role-assignments-page';
import { UserRolesPage } from '../pages/user-roles-page';
import { AssignmentSeeder } from './role-assignments-data';
import { asCleanup } from './writes';

interface RoleAssignmentFixtures {
  listPage: RoleAssignmentsPage;
  assignDialog: AssignRoleDialogPage;
  detailPage: RoleAssignmentDetailPage;
  userRolesPage: UserRolesPage;
  /** Assignments seeded (or made in the UI) by this test; revoked again on teardown. */
  seeder: AssignmentSeeder;
}

export const test = base.extend<RoleAssignmentFixtures>({
  listPage: async ({ page }, use) => use(new RoleAssignmentsPage(page)),
  assignDialog: async ({ page }, use) => use(new AssignRoleDialogPage(page)),
  detailPage: async ({ page }, use) => use(new RoleAssignmentDetailPage(page)),
  userRolesPage: async ({ page }, use) => use(new UserRolesPage(page)),
  seeder: async ({ api }, use) => {
    const seeder = new AssignmentSeeder(api);
    await use(seeder);
    await asCleanup(() => seeder.cleanup());
  },
});

export { expect, expectNoAxeViolations } from '../fixtures';
