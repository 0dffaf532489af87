/** What other features use of compare: the group and case-study pickers and the group in a URL. */
export { CaseStudyPicker } from './components/case-study-picker';
export { GroupPicker } from './components/group-picker';
export { DEFAULT_CASE_STUDY, type GroupSelection, groupFromSearchParams, groupQuery } from './group-params';
export { useGroupLabel } from './use-group-label';
