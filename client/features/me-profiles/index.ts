/** What other features use of M&E profiles: the profiles' words in the reader's language. */
export { useMeText } from './text';
