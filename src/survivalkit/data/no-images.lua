-- survivalkit's pandoc filter: a document never loads anything.
-- An image written in a template or an answer (![description](/home/agent/.ssh/id_rsa),
-- ![x](https://tracker.example/pixel.png)) would make pandoc read that file or fetch that address
-- and put it inside the Word or OpenDocument file sent. It becomes its description instead, as in
-- the HTML and PDF documents, before any writer looks for it. (Works with pandoc 2.0 and later.)
function Image(image)
  return image.caption
end
