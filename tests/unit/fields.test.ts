// lib/editorial/fields.ts list(): a list field is a set. A repeated id (topicIds sent twice, as
// a hand-made form may) reached the database as a second link row of the claim, whose unique
// key refused it: the action answered "internal" (found by the fuzz drill).
import { describe, expect, it } from "vitest";
import { id, list } from "../../lib/editorial/fields";
import { createClaimFormSchema } from "../../app/(desk)/admin/claims/form";

describe("list()", () => {
  it("drops blanks and repeats, keeping the first order", () => {
    expect(list(id()).parse(["b", "a", "b", "", "  ", "a", "c"])).toEqual(["b", "a", "c"]);
    expect(list(id()).parse("a")).toEqual(["a"]);
    expect(list(id()).parse(undefined)).toEqual([]);
  });

  it("gives a claim each topic and quote once", () => {
    const parsed = createClaimFormSchema.parse({ text: "Eine Behauptung", topicIds: ["t1", "t2", "t1"], quoteIds: ["q1", "q1"] });
    expect(parsed.topicIds).toEqual(["t1", "t2"]);
    expect(parsed.quoteIds).toEqual(["q1"]);
  });
});
