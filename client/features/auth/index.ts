/** What other features use of auth: the signed-in user and what their roles allow. */
export { useMe } from './api/get-me';
export { canApprovePlans, describeRoles } from './capabilities';
