// The record picker's keyboard (components/admin/picker-keys.ts): the WAI-ARIA combobox keys.
import { describe, expect, it } from "vitest";
import { pickerKey } from "../../components/admin/picker-keys";

describe("pickerKey", () => {
  it("Down and Up open a closed list on its first and last option", () => {
    expect(pickerKey("ArrowDown", { active: -1, count: 3, open: false })).toEqual({ active: 0, action: "open", handled: true });
    expect(pickerKey("ArrowUp", { active: -1, count: 3, open: false })).toEqual({ active: 2, action: "open", handled: true });
  });

  it("Down and Up move the active option in an open list, wrapping around", () => {
    expect(pickerKey("ArrowDown", { active: -1, count: 3, open: true }).active).toBe(0);
    expect(pickerKey("ArrowDown", { active: 0, count: 3, open: true })).toEqual({ active: 1, action: "move", handled: true });
    expect(pickerKey("ArrowDown", { active: 2, count: 3, open: true }).active).toBe(0);
    expect(pickerKey("ArrowUp", { active: 1, count: 3, open: true }).active).toBe(0);
    expect(pickerKey("ArrowUp", { active: 0, count: 3, open: true }).active).toBe(2);
  });

  it("does nothing with arrows when there are no matches", () => {
    expect(pickerKey("ArrowDown", { active: -1, count: 0, open: false }).action).toBe("none");
    expect(pickerKey("ArrowUp", { active: -1, count: 0, open: true }).action).toBe("none");
  });

  it("Enter picks the active option of an open list, and never submits the form", () => {
    expect(pickerKey("Enter", { active: 1, count: 3, open: true })).toEqual({ active: 1, action: "pick", handled: true });
    expect(pickerKey("Enter", { active: -1, count: 3, open: true })).toEqual({ active: -1, action: "none", handled: true });
    expect(pickerKey("Enter", { active: 1, count: 3, open: false }).action).toBe("none");
    expect(pickerKey("Enter", { active: 5, count: 3, open: true }).action).toBe("none");
  });

  it("Escape closes an open list, and clears the input when it is closed", () => {
    expect(pickerKey("Escape", { active: 1, count: 3, open: true })).toEqual({ active: -1, action: "close", handled: true });
    expect(pickerKey("Escape", { active: -1, count: 3, open: false })).toEqual({ active: -1, action: "clear", handled: true });
  });

  it("leaves other keys to the input", () => {
    for (const key of ["a", "Tab", "Backspace", " ", "ArrowLeft"]) expect(pickerKey(key, { active: 1, count: 3, open: true })).toEqual({ active: 1, action: "none", handled: false });
  });
});
