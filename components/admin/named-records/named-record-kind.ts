/**
 * A kind of named record an admin keeps in a list (locations, topics): where its API lives and
 * how the admin pages speak of it. The list, its rows and the create form are shared
 * (components/admin/named-records/*); each kind says what is its own.
 */
export interface NamedRecordKind {
  /** In sentences, lower case: "location". */
  noun: string;
  /** The collection route: POST creates, `${apiPath}/{id}` PATCHes (rename) and DELETEs. */
  apiPath: string;
  /** The key of the created record in the POST response: { location: { id, name } }. */
  responseKey: string;
  maxLength: number;
  /** Under the name field of the create form. */
  hint: string;
}

export const LOCATION_KIND: NamedRecordKind = {
  noun: "location",
  apiPath: "/api/locations",
  responseKey: "location",
  maxLength: 60,
  hint: "An office, site or city, e.g. Berlin or Remote.",
};

export const TOPIC_KIND: NamedRecordKind = {
  noun: "topic",
  apiPath: "/api/topics",
  responseKey: "topic",
  maxLength: 40,
  hint: "What posts are about, e.g. Renewables, Careers or Engineering.",
};

export const capitalised = (noun: string) => noun.charAt(0).toUpperCase() + noun.slice(1);
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
