/** What the claims module needs from insurance (through its index.ts): the card number's parser. */
export { parseCardNumber } from '../insurance/index.ts';
