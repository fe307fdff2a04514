// The CSV template of the import (docs/import-template.csv, served to the desk by
// app/api/admin/import/template): the documented columns (docs/import.md) with two example
// rows. tests/unit/import-read.test.ts checks that the file and this text are the same and that
// both rows import.
export const CSV_TEMPLATE = `url,claim,claimant,claimant_type,claim_date,publisher,publisher_site,title,review_date,rating,rating_value,best_rating,worst_rating,summary,language,verdict,analysis
https://faktencheck.example/2024/05/renten,"Die Renten steigen im Juli um 10 Prozent.",Erika Beispiel,Person,2024-05-02,Faktencheck Beispiel,faktencheck.example,Steigen die Renten um 10 Prozent?,2024-05-06,falsch,1,6,1,"Die Erhöhung beträgt 4,57 Prozent.",de,,
https://checks.example.org/2024/bridge,"The bridge was built in three weeks.",City Council,Organization,04.03.2024,Example Checks,,The three-week bridge,2024-03-08T10:00:00Z,Mostly false,,,,"Construction took eleven months.",en,,
`;
