/** What other features use of countries: the country list (the pickers offer it). */
export { useCountries } from './api/get-countries';
