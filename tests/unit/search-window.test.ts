// The search sizes its windows of newest rows from the date column's histogram, which PostgreSQL
// gives as the text of an array (pg_stats.histogram_bounds). If its values were misread, no
// window would be used and every search would read all its matches again.
import { describe, expect, it } from "vitest";
import { arrayValues } from "../../lib/public/search";

describe("arrayValues (the histogram's bounds)", () => {
  it("reads timestamps, which PostgreSQL quotes, and dates, which it does not", () => {
    expect(arrayValues(`{"2018-01-01 01:00:00","2018-03-15 10:30:00.123",NULL}`)).toEqual(["2018-01-01 01:00:00", "2018-03-15 10:30:00.123"]);
    expect(arrayValues("{2016-01-01,2016-02-03,2024-12-31}")).toEqual(["2016-01-01", "2016-02-03", "2024-12-31"]);
  });

  it("gives nothing for a column without a histogram", () => {
    expect(arrayValues(null)).toEqual([]);
    expect(arrayValues("{}")).toEqual([]);
  });
});
