// The keyboard of the record picker's combobox (./RecordPicker.tsx), as a pure function (the
// WAI-ARIA combobox pattern with a listbox popup): Down and Up open the list and move the
// active option (wrapping around), Enter picks the active option, Escape closes the list, or
// clears the input when the list is closed. Any other key is the input's.

export type PickerAction = "none" | "open" | "move" | "pick" | "close" | "clear";

export interface PickerKeyResult {
  /** The active option's index afterwards, -1 for none. */
  active: number;
  action: PickerAction;
  /** Whether the key is the combobox's (the browser must not act on it: no form submit on Enter). */
  handled: boolean;
}

export function pickerKey(key: string, state: { active: number; count: number; open: boolean }): PickerKeyResult {
  const { active, count, open } = state;
  switch (key) {
    case "ArrowDown":
      if (count === 0) return { active: -1, action: "none", handled: true };
      if (!open) return { active: 0, action: "open", handled: true };
      return { active: active < 0 || active >= count - 1 ? 0 : active + 1, action: "move", handled: true };
    case "ArrowUp":
      if (count === 0) return { active: -1, action: "none", handled: true };
      if (!open) return { active: count - 1, action: "open", handled: true };
      return { active: active <= 0 || active >= count ? count - 1 : active - 1, action: "move", handled: true };
    case "Enter":
      if (open && active >= 0 && active < count) return { active, action: "pick", handled: true };
      // Enter in the search box never submits the form it is in.
      return { active, action: "none", handled: true };
    case "Escape":
      if (open) return { active: -1, action: "close", handled: true };
      return { active: -1, action: "clear", handled: true };
    default:
      return { active, action: "none", handled: false };
  }
}
