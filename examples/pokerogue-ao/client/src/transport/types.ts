// What a script hands to the network: one AO message (target process, tags, Data) and what
// comes back (the first reply's tags and Data). Real clients implement this over aoconnect.
export interface Tag {
  name: string;
  value: string;
}

export interface OutgoingMessage {
  Target: string;
  Tags: Tag[];
  Data?: string;
}

export interface Reply {
  Tags: Record<string, string>;
  Data: string;
}

export interface Transport {
  send(message: OutgoingMessage): Promise<Reply>;
}
