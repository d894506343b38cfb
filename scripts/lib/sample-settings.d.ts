export function settingsApex(options: { connectStates: string[]; ccpUrl?: string }): string;
