// A shared error response must be application/problem+json whose schema is the Problem schema, with its code
// (references are resolved before rules run, so the schema is recognised by its required members).
export default function problemResponse(response) {
  const media = response && response.content && response.content['application/problem+json'];
  if (!media) {
    return [{ message: 'Error responses must have application/problem+json content.' }];
  }
  const required = (media.schema && media.schema.required) || [];
  if (!['type', 'title', 'status', 'code'].every((name) => required.includes(name))) {
    return [{ message: 'Error responses must use the Problem schema.' }];
  }
  return [];
}
