/**
 * Records that are people (note20's review: public-person.ts, own-recipient.ts and its ids had a list each): a person's
 * account and the roles a person has in the app, whose record the app keeps with an address on file. One list, so
 * that a record a public read calls a person's (an Author's page) is the one a message goes to and a block is asked of.
 */

/** A person as the app keeps them: the account itself, or a person by their role toward the app or its records. */
const PEOPLE = ["User", "Member", "Person", "Account", "Contact", "Customer", "Collaborator", "Author", "Creator", "Seller", "Artist"];

/** The record a person shows the public: their profile (a User's, a Seller's, a public one). */
const PROFILE = `(?:Public|${PEOPLE.join("|")})?Profile`;

const PERSON_RECORD = new RegExp(`^(?:${PROFILE}|${PEOPLE.join("|")})$`);

/** Whether a record (by its PascalCase name) is a person's: a User, a Member, an Author, a SellerProfile. */
export const isPersonRecord = (pascal: string): boolean => PERSON_RECORD.test(pascal);
