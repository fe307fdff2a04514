"use client";
// A page here that failed to render (components/ErrorNotice.tsx).
export { ErrorNotice as default } from "@/components/ErrorNotice";
